import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import { pino } from 'pino';

/**
 * The one logger. Credentials, cookies and tokens are redacted wherever they appear. It writes
 * JSON lines to stdout unless given another destination.
 */
export function createLogger(env = process.env, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
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
  };

  return destination ? pino(options, destination) : pino(options);
}
