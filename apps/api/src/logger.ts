import type { Logger } from 'pino';
import { pino } from 'pino';

/** The one logger. Credentials, cookies and tokens are redacted wherever they appear. */
export function createLogger(env = process.env): Logger {
  return pino({
    level: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'api' },
    redact: {
      paths: [
        'password',
        '*.password',
        '*.apiPassword',
        '*.apiSignature',
        'PWD',
        'SIGNATURE',
        '*.PWD',
        '*.SIGNATURE',
        'headers.authorization',
        'headers.cookie',
        '*.headers.authorization',
        '*.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}
