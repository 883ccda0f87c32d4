import type { Mailer } from '../ports.ts';
import type { Client } from '@microsoft/microsoft-graph-client';
import { asApp } from './graph-calls.ts';

/**
 * Through Graph's sendMail from the mailbox the school names (ALERT_MAILBOX), with application
 * permission Mail.Send, which an Exchange application access policy should limit to that mailbox.
 */
export function graphMailer(client: Client, mailbox: string): Mailer {
  return {
    async send({ to, subject, text }) {
      await asApp(
        () =>
          client.api(`/users/${encodeURIComponent(mailbox)}/sendMail`).post({
            message: {
              subject,
              body: { contentType: 'Text', content: text },
              toRecipients: [{ emailAddress: { address: to } }],
            },
            saveToSentItems: false,
          }),
        {
          what: `Exchange refused to send from ${mailbox}`,
          permission: 'Mail.Send, and allow that mailbox in its application access policy',
        },
      );
    },
  };
}
