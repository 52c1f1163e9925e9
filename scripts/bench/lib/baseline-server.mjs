// The floor every HTTP benchmark is compared with: a bare node:http server answering one
// fixed body from memory, whatever the path. Run as its own process so it is measured the
// same way as the API (separate CPU from the load generator).
//   BASELINE_PORT      port to listen on (127.0.0.1)
//   BASELINE_BODY      the response body, verbatim
//   BASELINE_HEADERS   JSON object of response headers (content-type at least)
import { createServer } from 'node:http';

const port = Number(process.env.BASELINE_PORT);
const body = Buffer.from(process.env.BASELINE_BODY ?? '{}');
const headers = {
  'content-type': 'application/json; charset=utf-8',
  ...JSON.parse(process.env.BASELINE_HEADERS ?? '{}'),
  'content-length': String(body.length),
};

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`baseline listening on ${port}\n`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
