import { DEMO_BUYER, DEMO_CREDENTIALS } from './demo.ts';
import { createSandbox } from './server.ts';

const port = Number(process.env.PAYPAL_SANDBOX_PORT || 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(
    `PAYPAL_SANDBOX_PORT must be a port number, got ${process.env.PAYPAL_SANDBOX_PORT}`,
  );
}

const credentials = {
  username: process.env.PAYPAL_SANDBOX_USERNAME || DEMO_CREDENTIALS.username,
  password: process.env.PAYPAL_SANDBOX_PASSWORD || DEMO_CREDENTIALS.password,
  signature: process.env.PAYPAL_SANDBOX_SIGNATURE || DEMO_CREDENTIALS.signature,
};

const sandbox = createSandbox({ credentials: [credentials], buyers: [DEMO_BUYER] });
const running = await sandbox.listen(port, '127.0.0.1');
process.stdout.write(`Local PayPal sandbox listening on ${running.url} (NVP at /nvp)\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;

  stopping = true;
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
