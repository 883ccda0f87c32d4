/** Hosts allowed to frame the tab: Teams, Microsoft 365 and Outlook, on old and new domains. */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
];

export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI's CSS-in-JS inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // teams-js reads its list of valid host domains from res.cdn.office.net when it loads.
    "connect-src 'self' https://res.cdn.office.net https://login.microsoftonline.com https://graph.microsoft.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** Headers on every response. X-Frame-Options is left out on purpose: it cannot allow several hosts. */
export function securityHeaders(httpsOnly: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (httpsOnly) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
