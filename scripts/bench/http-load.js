// A lean HTTP/1.1 load generator: keep-alive sockets, each sending its next request as soon as the
// previous answer is complete, every request built before the clock starts.
//
// Why not autocannon alone: the load generator shares the service's two cores, and autocannon
// spent ~0.06 ms of CPU per redemption (about 9 % of the machine's) building, parsing and
// accounting each request in JavaScript. Here a request is one write of a prepared buffer and an
// answer is read up to its status line and Content-Length, so the cores go to the service.
const net = require('node:net');
const { performance } = require('node:perf_hooks');

/**
 * A POST with a JSON body, its headers given as an object; Content-Length is added.
 * @returns {Buffer}
 */
function postRequest(path, headers, body) {
  const payload = Buffer.from(JSON.stringify(body));
  const lines = [`POST ${path} HTTP/1.1`, 'Host: bench', 'Connection: keep-alive'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push('Content-Type: application/json', `Content-Length: ${payload.length}`, '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), payload]);
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Reads answers off one socket: an answer is complete once its headers and Content-Length bytes
 * of body are in. Chunked answers are refused (the API answers JSON with a length).
 */
class AnswerReader {
  constructor() {
    this.buffered = Buffer.alloc(0);
  }

  /** Feeds received bytes; answers the status codes of the answers they completed. */
  push(chunk) {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const statuses = [];
    for (;;) {
      const headerEnd = this.buffered.indexOf(HEADER_END);
      if (headerEnd < 0) return statuses;
      const head = this.buffered.toString('latin1', 0, headerEnd);
      if (/\r\ntransfer-encoding:\s*chunked/i.test(head))
        throw new Error('chunked answers are not supported');
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      const total = headerEnd + HEADER_END.length + (length ? Number(length[1]) : 0);
      if (this.buffered.length < total) return statuses;
      statuses.push(Number(head.slice(9, 12)));
      this.buffered = this.buffered.subarray(total);
    }
  }
}

/**
 * Sends `requests` (Buffers, in order) over `connections` sockets to host:port, one request in
 * flight per socket. Answers the count of each status, every request's latency in milliseconds
 * (from its write to its last byte), and when the first request left and the last answer came.
 */
async function httpLoad({ host = '127.0.0.1', port, connections, requests }) {
  let next = 0;
  const statuses = new Map();
  const latencies = new Float64Array(requests.length);
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;

  const drive = () =>
    new Promise((resolve, reject) => {
      const socket = net.connect({ host, port, noDelay: true });
      const reader = new AnswerReader();
      let current = -1;
      let sentAt = 0;
      const sendNext = () => {
        if (next >= requests.length) {
          socket.end();
          return resolve();
        }
        current = next++;
        sentAt = performance.now();
        socket.write(requests[current]);
      };
      socket.once('connect', sendNext);
      socket.on('data', (chunk) => {
        let answered;
        try {
          answered = reader.push(chunk);
        } catch (error) {
          socket.destroy();
          return reject(error);
        }
        for (const status of answered) {
          lastAnswerAt = performance.now();
          latencies[current] = lastAnswerAt - sentAt;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          sendNext();
        }
      });
      socket.once('error', reject);
      // A socket the server closed stops sending; the count of answers below tells.
      socket.once('close', () => resolve());
    });

  await Promise.all(Array.from({ length: Math.min(connections, requests.length) }, drive));
  const answered = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  if (answered !== requests.length)
    throw new Error(`${requests.length - answered} of ${requests.length} requests got no answer`);
  return { statuses, latencies, startedAt, lastAnswerAt, seconds: (lastAnswerAt - startedAt) / 1000 };
}

module.exports = { httpLoad, postRequest, AnswerReader };
