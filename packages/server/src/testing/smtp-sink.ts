import { SMTPServer } from 'smtp-server';

/** A mail as a real SMTP server on loopback received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as sent: headers, a blank line, the body. */
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives; `refuse` makes it answer 451 to every mail. */
export async function startSmtpSink(): Promise<{
  url: string;
  mails: ReceivedMail[];
  refuse: (on: boolean) => void;
  close: () => Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusing) {
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP sink is not on TCP');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    refuse: (on) => {
      refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
