import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * nodemailer over SMTP_URL. Without SMTP_URL mail is logged, not sent (DESIGN.md, Configuration),
 * so a development machine never mails a real agency.
 */
export function createMailer(options: { smtpUrl?: string; from: string; log: (line: string) => void; poolSize?: number }): Mailer {
  if (!options.smtpUrl) {
    return {
      send: async (mail) => options.log(`mail (not sent, SMTP_URL unset) to ${mail.to.join(', ')}: ${mail.subject} ${mail.messageId}`),
      close: () => undefined,
    };
  }
  // A pool of kept-open connections: a morning slot can hold thousands of reminders. maxMessages
  // lifts nodemailer's default of 100 mails per connection, which reconnects 100 times for 10,000.
  const transport: Transporter = createTransport(
    { url: options.smtpUrl, pool: true, maxConnections: options.poolSize ?? 5, maxMessages: Infinity } as never,
    { from: options.from },
  );
  return {
    send: async (mail) => {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}
