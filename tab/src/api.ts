/** A thin client for /api/v1: adds the session token and turns error bodies into readable errors. */
import { problemsByField, type FieldProblem } from '../../src/domain/field-problems.ts';
import type { Language } from '../../src/domain/strings.ts';

const TOKEN_KEY = 'smph.devToken';

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  /** Field-by-field problems, when the server gives them. */
  readonly details: readonly FieldProblem[];
  /** For a fault on the server: what to quote to support, also in the server's log. */
  readonly reference?: string;
  constructor(
    status: number,
    code: string,
    message: string,
    details: readonly FieldProblem[] = [],
    reference?: string,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.reference = reference;
  }

  /** A rule or a permission said no: the message says which and what to do. Anything else is a fault. */
  get isRefusal(): boolean {
    return this.status >= 400 && this.status < 500;
  }

  /** Problems by field name (`credential.password` for a nested field), to show beside each field. */
  fieldErrors(): Record<string, string> {
    return problemsByField(this.details);
  }
}

/** Where API tokens come from: the demo sign-in's session token, or Entra ID (set once at start). */
let tokenSource: (() => Promise<string>) | undefined;
/** Told when the demo session stops being accepted (the server restarted, or eight hours passed). */
let onSessionEnded: (() => void) | undefined;

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
  useEntra: (source: () => Promise<string>) => {
    tokenSource = source;
  },
  usesEntra: () => tokenSource !== undefined,
  onEnded: (listener: () => void) => {
    onSessionEnded = listener;
  },
};

async function request(path: string, init: { method?: string; body?: unknown; accept: string }): Promise<Response> {
  const headers: Record<string, string> = { Accept: init.accept };
  const token = tokenSource ? await tokenSource() : session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 401 && !tokenSource && session.token()) {
    // A demo token from a server that has since restarted: back to the sign-in page, not an error.
    session.clear();
    onSessionEnded?.();
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as {
      error?: { code: string; message: string; details?: FieldProblem[]; reference?: string };
    };
    throw new ApiProblem(
      response.status,
      payload.error?.code ?? 'error',
      payload.error?.message ?? response.statusText,
      payload.error?.details,
      payload.error?.reference,
    );
  }
  return response;
}

/** A query string from the values that are set; empty values are left out. */
export const queryString = (values: Record<string, string | undefined>): string =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await request(path, { ...init, accept: 'application/json' });
  return (await response.json()) as T;
}

/** A file the API sends as a download, such as evidence attached to a case. */
export async function apiFile(path: string): Promise<Blob> {
  return (await request(path, { accept: '*/*' })).blob();
}

export interface Me {
  person: { id: string; displayName: string; jobTitle: string; department: string; schoolId: string; upn: string };
  roles: string[];
  schools: { id: string; name: string }[];
  signIn: 'dev' | 'entra';
  /** The home school's language for the tab's fixed words. */
  language: Language;
}

export interface Persona {
  role: string;
  roleLabel: string;
  person: { id: string; displayName: string; jobTitle: string; schoolName: string };
}

export interface PolicySection {
  id: string;
  headingPath: string[];
  passages: { id: string; clause?: string; text: string }[];
}

export interface Policy {
  title: string;
  versionId: string;
  versionNumber: number;
  /** When the signed-in person confirmed reading this version, if they have. */
  acknowledgedAt?: string;
  versions: number[];
  importedAt: string;
  text: string;
  sections: PolicySection[];
}
