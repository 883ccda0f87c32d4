/**
 * Dates and times as staff in UK schools read them, whatever the server's time zone:
 * "21 Nov 2026, 10:42" and "10:42", London time (GMT or BST).
 */
export const ukDateTime = (when: Date | string): string =>
  new Date(when).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

export const ukTime = (when: Date | string): string =>
  new Date(when).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** A calendar date (yyyy-mm-dd) as "3 Oct 2026". */
export const ukDate = (date: string): string =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
