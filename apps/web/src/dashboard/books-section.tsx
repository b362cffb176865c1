import { useState } from 'preact/hooks';
import { downloadFromApi } from '../ui/download';
import { formatCount } from '../ui/format';
import { LoadedBlock } from '../ui/loading';
import { useApi } from '../ui/use-api';
import type { Book, ProgrammeSummary } from './types';

const SHOWN = 50;

/** The programme's carnets, each printable as the PDF handed to beneficiaries (lead payer only). */
export function BooksSection({ programme }: { programme: ProgrammeSummary }) {
  const books = useApi<{ books: Book[] }>(
    `/v1/web/programmes/${encodeURIComponent(programme.programmeId)}/books`,
  );
  const [error, setError] = useState<string>();

  async function print(bookId: string) {
    setError(undefined);
    try {
      await downloadFromApi(`/v1/books/${encodeURIComponent(bookId)}/print.pdf`, `carnet-${bookId}.pdf`);
    } catch {
      setError(`Le carnet ${bookId} n'a pas pu être téléchargé.`);
    }
  }

  return (
    <section class="card" aria-labelledby="books-title">
      <h2 id="books-title">Carnets à imprimer</h2>
      <LoadedBlock loaded={books}>
        {({ books: list }) =>
          list.length === 0 ? (
            <p class="muted">Aucun carnet émis.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>
                  Carnets du programme
                  {list.length > SHOWN ? ` (les ${SHOWN} premiers sur ${list.length})` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Carnet</th>
                    <th scope="col" class="num">
                      Chèques
                    </th>
                    <th scope="col" class="num">
                      Utilisés
                    </th>
                    <th scope="col">Impression</th>
                  </tr>
                </thead>
                <tbody>
                  {list.slice(0, SHOWN).map((book) => (
                    <tr key={book.bookId}>
                      <th scope="row">{book.bookId}</th>
                      <td class="num">{formatCount(book.vouchers)}</td>
                      <td class="num">{formatCount(book.redeemed)}</td>
                      <td>
                        {programme.lead ? (
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            onClick={() => void print(book.bookId)}
                          >
                            Imprimer <span class="visually-hidden">le carnet {book.bookId}</span> (PDF)
                          </button>
                        ) : (
                          <span class="muted">par le financeur principal</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadedBlock>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
