/**
 * An ISO 20022 `pain.001.001.03` customer credit transfer initiation, the file a French public
 * payer's bank (or the DGFiP) takes to pay SEPA credit transfers. Written directly: it is a
 * handful of elements, and amounts must stay integer cents until they are printed.
 */
export interface SepaAccount {
  readonly name: string;
  readonly iban: string;
  readonly bic?: string;
}

export interface SepaCreditTransfer {
  /** Travels to the creditor unchanged: the settlement batch id. */
  readonly endToEndId: string;
  readonly amountCents: number;
  readonly creditor: SepaAccount;
  readonly remittanceInformation: string;
}

export interface Pain001Message {
  readonly messageId: string;
  readonly createdAt: string;
  /** ISO date (YYYY-MM-DD) the debtor's bank executes the transfers. */
  readonly executionDate: string;
  readonly debtor: SepaAccount;
  readonly transfers: readonly SepaCreditTransfer[];
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

/** Integer cents printed as euros with two decimals, without any floating-point arithmetic. */
export function euros(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Text fields restricted to the EPC's basic Latin character set (banks may refuse anything else):
 * accents dropped, other characters replaced by a space, then cut to the field's length.
 */
export function sepaText(text: string, maxLength: number): string {
  const latin = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Œœ]/g, (c) => (c === 'Œ' ? 'OE' : 'oe'))
    .replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'AE' : 'ae'))
    .replace(/ß/g, 'ss')
    .replace(/&/g, '+')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return latin.slice(0, maxLength).trim() || '-';
}

export function pain001(message: Pain001Message): string {
  if (message.transfers.length === 0) throw new RangeError('a credit transfer file needs a transfer');
  const controlSum = euros(message.transfers.reduce((sum, transfer) => sum + transfer.amountCents, 0));
  const count = String(message.transfers.length);
  const document: XmlNode = [
    'Document',
    [
      [
        'CstmrCdtTrfInitn',
        [
          [
            'GrpHdr',
            [
              ['MsgId', sepaText(message.messageId, 35)],
              ['CreDtTm', message.createdAt.slice(0, 19)],
              ['NbOfTxs', count],
              ['CtrlSum', controlSum],
              ['InitgPty', [['Nm', sepaText(message.debtor.name, 70)]]],
            ],
          ],
          [
            'PmtInf',
            [
              ['PmtInfId', sepaText(message.messageId, 35)],
              ['PmtMtd', 'TRF'],
              ['NbOfTxs', count],
              ['CtrlSum', controlSum],
              ['PmtTpInf', [['SvcLvl', [['Cd', 'SEPA']]]]],
              ['ReqdExctnDt', message.executionDate],
              ['Dbtr', [['Nm', sepaText(message.debtor.name, 70)]]],
              ['DbtrAcct', [['Id', [['IBAN', message.debtor.iban]]]]],
              ['DbtrAgt', [financialInstitution(message.debtor.bic)]],
              ['ChrgBr', 'SLEV'],
              ...message.transfers.map(transaction),
            ],
          ],
        ],
      ],
    ],
    { xmlns: NAMESPACE },
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(document, 0)}`;
}

function transaction(transfer: SepaCreditTransfer): XmlNode {
  return [
    'CdtTrfTxInf',
    [
      ['PmtId', [['EndToEndId', sepaText(transfer.endToEndId, 35)]]],
      ['Amt', [['InstdAmt', euros(transfer.amountCents), { Ccy: 'EUR' }]]],
      ...(transfer.creditor.bic
        ? [['CdtrAgt', [financialInstitution(transfer.creditor.bic)]] as XmlNode]
        : []),
      ['Cdtr', [['Nm', sepaText(transfer.creditor.name, 70)]]],
      ['CdtrAcct', [['Id', [['IBAN', transfer.creditor.iban]]]]],
      ['RmtInf', [['Ustrd', sepaText(transfer.remittanceInformation, 140)]]],
    ],
  ];
}

/** Without a BIC the EPC rules want the explicit "not provided" (IBAN-only transfers). */
function financialInstitution(bic: string | undefined): XmlNode {
  return ['FinInstnId', bic ? [['BIC', bic]] : [['Othr', [['Id', 'NOTPROVIDED']]]]];
}

type XmlNode = [name: string, content: string | XmlNode[], attributes?: Record<string, string>];

function render([name, content, attributes = {}]: XmlNode, depth: number): string {
  const indent = '  '.repeat(depth);
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (typeof content === 'string') return `${indent}<${name}${attrs}>${escapeXml(content)}</${name}>`;
  const children = content.map((child) => render(child, depth + 1)).join('\n');
  return `${indent}<${name}${attrs}>\n${children}\n${indent}</${name}>`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
