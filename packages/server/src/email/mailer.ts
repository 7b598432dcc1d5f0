import { createTransport, type Transporter } from 'nodemailer';

/** A message as the mail server receives it. */
export interface MailMessage {
  /** The outbox row's id: the Message-ID, so a receiver can drop a copy sent again after a crash. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: an SMTP server (production), or anything else that sends (a test's own). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer over SMTP at `url` (`smtp://user:pass@host:587`, `smtps://…`), through nodemailer. */
export function smtpMailer(url: string, options: { timeoutMs?: number } = {}): Mailer {
  const timeout = options.timeoutMs ?? 30_000;
  const transport: Transporter = createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message) {
      await transport.sendMail({
        messageId: `<${message.id}@portico>`,
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close() {
      transport.close();
    },
  };
}
