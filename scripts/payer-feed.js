// `npm run payer-feed -- --payer <SIREN> [--from-beginning] [--brokers host:port] [--topic name] [--json]`
// A payer's finance team starts from this: read the payer events topic, keep this payer's records
// (the key is its SIREN), drop re-sent copies (the relay delivers at least once; ce_id identifies a
// message) and print one line per event.
const { Kafka, logLevel } = require('kafkajs');

const TOPIC = 'pass-numerique.payer-events.v1';
const REMEMBERED_IDS = 100_000;

function parseArguments(argv) {
  const options = { fromBeginning: false, json: false };
  for (let index = 0; index < argv.length; index++) {
    const name = argv[index];
    if (name === '--from-beginning') options.fromBeginning = true;
    else if (name === '--json') options.json = true;
    else if (['--payer', '--brokers', '--topic', '--group'].includes(name))
      options[name.slice(2)] = argv[++index];
    else throw new Error(`unknown option ${name}`);
  }
  if (!/^\d{9}$/.test(options.payer ?? '')) throw new Error('--payer <SIREN> (9 digits) is required');
  options.brokers = (options.brokers || process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
  options.topic = options.topic || process.env.KAFKA_TOPIC || TOPIC;
  options.group = options.group || `payer-feed-${options.payer}`;
  return options;
}

/** Remembers the last ids seen, in insertion order, so that memory stays bounded. */
function deduplicator(capacity) {
  const seen = new Set();
  return (id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > capacity) seen.delete(seen.values().next().value);
    return true;
  };
}

const euros = (cents) => `${(cents / 100).toFixed(2)} €`;

function describe(type, data) {
  switch (type) {
    case 'fr.pass-numerique.books.issued.v1':
      return `books issued     ${data.programmeId}: ${data.bookIds.length} book(s), ${data.voucherCount} voucher(s), ${euros(data.amountCents)} committed (${data.funding.role}, ${data.funding.shareBps / 100} %)`;
    case 'fr.pass-numerique.voucher.redeemed.v1':
      return `voucher redeemed ${data.voucherId} at venue ${data.venueId}: ${euros(data.amountCents)} owed (of ${euros(data.redemptionAmountCents)})`;
    case 'fr.pass-numerique.book.cancelled.v1':
      return `book cancelled   ${data.bookId} (${data.reason}): ${data.voidedVoucherIds.length} voucher(s) void, ${euros(data.voidedAmountCents)} released`;
    case 'fr.pass-numerique.settlement-batch.opened.v1':
      return `batch opened     ${data.batchId} for venue ${data.venueId}: ${data.payables.length} payable(s), ${euros(data.totalCents)}${data.awaitingBankDetails ? ' (awaiting bank details)' : ''}`;
    case 'fr.pass-numerique.settlement-batch.paid.v1':
      return `batch paid       ${data.batchId} to venue ${data.venueId}: ${euros(data.totalCents)}, reference ${data.paymentReference}`;
    default:
      return `${type} (unknown to this feed)`;
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const kafka = new Kafka({ clientId: 'payer-feed', brokers: options.brokers, logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: options.group });
  const firstTime = deduplicator(REMEMBERED_IDS);
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key?.toString() !== options.payer) return;
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      if (!firstTime(`${headers.ce_source} ${headers.ce_id}`)) return;
      const data = JSON.parse(message.value.toString());
      if (options.json) console.log(JSON.stringify({ ...headers, data }));
      else console.log(`${headers.ce_time}  ${describe(headers.ce_type, data)}  [${headers.ce_id}]`);
    },
  });
  console.error(
    `payer-feed: ${options.payer} on ${options.topic} at ${options.brokers.join(',')} (Ctrl-C to stop)`,
  );
  const stop = async () => {
    await consumer.disconnect();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`payer-feed: ${error.message}`);
  process.exit(1);
});
