export type ThemeName = 'light' | 'dark' | 'contrast';

export interface Host {
  /** True inside Teams (or another Microsoft 365 host); false in a plain browser. */
  inTeams: boolean;
  theme: ThemeName;
  onThemeChange(listener: (theme: ThemeName) => void): void;
}

const fromTeams = (theme: string | undefined): ThemeName =>
  theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';

function browserTheme(): ThemeName {
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Connects to Teams when framed by it; otherwise runs standalone and follows the browser's
 * colour scheme. A top-level window cannot be inside Teams, so it skips the SDK entirely.
 */
export async function connectHost(): Promise<Host> {
  if (window.self !== window.top) {
    try {
      // Loaded only when framed: standalone pages skip its weight and its start-up fetch.
      const { app } = await import('@microsoft/teams-js');
      await Promise.race([
        app.initialize(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Teams did not answer')), 3000)),
      ]);
      const context = await app.getContext();
      // A deep link names the page to open (`cases/<id>`) as the tab's sub-entity; it wins over
      // the manifest's #/home, which every opening of the tab carries.
      const page = context.page.subPageId;
      if (page) window.location.hash = `#/${page}`;
      app.notifySuccess();
      return {
        inTeams: true,
        theme: fromTeams(context.app.theme),
        onThemeChange: (listener) => app.registerOnThemeChangeHandler((t) => listener(fromTeams(t))),
      };
    } catch {
      // Framed by something that is not Teams: fall through to standalone.
    }
  }
  return {
    inTeams: false,
    theme: browserTheme(),
    onThemeChange(listener) {
      for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
        window.matchMedia(query).addEventListener('change', () => listener(browserTheme()));
      }
    },
  };
}
