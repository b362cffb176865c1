import { specification } from '../testing/given-when-then';
import { OTHER_PAYER_ID, PAYER_ID, admin, payer, venueActor } from '../testing/fixtures';
import { decideSetPayerBankAccount } from './payer.decide';
import { evolvePayer, initialPayerState } from './payer.state';

const setting = specification(evolvePayer, initialPayerState, decideSetPayerBankAccount);
const account = { ibanLast4: '6789', sealedAccount: 'v1.k.iv.ct.tag' };
const command = (overrides = {}) => ({
  actor: payer,
  payerId: PAYER_ID,
  account,
  now: '2026-02-01T00:00:00.000Z',
  ...overrides,
});

describe("a payer's bank account", () => {
  it('is set by the payer itself or by an admin', () => {
    const set = [
      {
        type: 'PayerBankAccountSet.v1',
        data: { payerId: PAYER_ID, ...account, setAt: '2026-02-01T00:00:00.000Z' },
      },
    ];
    setting.given([]).when(command()).then(set);
    setting
      .given([])
      .when(command({ actor: admin }))
      .then(set);
    expect(evolvePayer(initialPayerState, set[0] as never)).toEqual({ bankAccount: account });
  });

  it("answers another payer's SIREN as unknown and refuses other roles", () => {
    setting
      .given([])
      .when(command({ payerId: OTHER_PAYER_ID }))
      .thenFails('payer.not-found');
    setting
      .given([])
      .when(command({ actor: venueActor() }))
      .thenFails('actor.forbidden');
    setting
      .given([])
      .when(command({ account: { ibanLast4: 'ab12', sealedAccount: 'x' } }))
      .thenFails('bank-account.invalid');
  });
});
