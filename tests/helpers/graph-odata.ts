/**
 * The subset of OData the local Graph stand-in understands for list items: `$filter` with eq, ne,
 * ge, le, gt, lt, and, or, not, parentheses and startswith, on `fields/<column>`; and `$orderby`.
 * Parsed properly (strings with doubled quotes, numbers, booleans), so a quote in a value that
 * was not escaped breaks the query here exactly as it would in Graph.
 */
export type Value = string | number | boolean | null;
export type Expr =
  | { op: 'and' | 'or'; left: Expr; right: Expr }
  | { op: 'not'; expr: Expr }
  | { op: 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt'; field: string; value: Value }
  | { op: 'startswith'; field: string; value: string };

export class ODataError extends Error {}

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new ODataError('Unterminated string literal in $filter');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ kind: 'string', text });
    } else if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (/[-\d]/.test(c)) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(i));
      if (!match) throw new ODataError(`Syntax error at position ${i} in $filter`);
      tokens.push({ kind: 'number', text: match[0] });
      i += match[0].length;
    } else {
      const match = /^[A-Za-z_][\w/]*/.exec(source.slice(i));
      if (!match) throw new ODataError(`Syntax error at position ${i} in $filter`);
      tokens.push({ kind: 'word', text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

export function parseFilter(source: string): Expr {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const take = (text?: string): Token => {
    const token = tokens[at];
    if (!token || (text !== undefined && token.text.toLowerCase() !== text)) {
      throw new ODataError(`Syntax error in $filter: expected ${text ?? 'more'} at token ${at + 1}`);
    }
    at++;
    return token;
  };
  const field = (): string => {
    const token = take();
    if (token.kind !== 'word' || !token.text.startsWith('fields/')) {
      throw new ODataError(`Only fields/<column> can be filtered on, not '${token.text}'`);
    }
    return token.text.slice('fields/'.length);
  };
  const literal = (): Value => {
    const token = take();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'word' && (token.text === 'true' || token.text === 'false')) return token.text === 'true';
    if (token.kind === 'word' && token.text === 'null') return null;
    throw new ODataError(`Expected a value in $filter, found '${token.text}'`);
  };
  const primary = (): Expr => {
    const token = peek();
    if (!token) throw new ODataError('Unexpected end of $filter');
    if (token.text === '(') {
      take('(');
      const inner = or();
      take(')');
      return inner;
    }
    if (token.text.toLowerCase() === 'not') {
      take();
      return { op: 'not', expr: primary() };
    }
    if (token.text.toLowerCase() === 'startswith') {
      take();
      take('(');
      const f = field();
      take(',');
      const value = literal();
      take(')');
      if (typeof value !== 'string') throw new ODataError('startswith takes a string');
      return { op: 'startswith', field: f, value };
    }
    const f = field();
    const op = take().text.toLowerCase();
    if (!['eq', 'ne', 'ge', 'le', 'gt', 'lt'].includes(op)) throw new ODataError(`Unknown operator '${op}' in $filter`);
    return { op: op as 'eq', field: f, value: literal() };
  };
  const and = (): Expr => {
    let left = primary();
    while (peek()?.text.toLowerCase() === 'and') {
      take();
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Expr => {
    let left = and();
    while (peek()?.text.toLowerCase() === 'or') {
      take();
      left = { op: 'or', left, right: and() };
    }
    return left;
  };
  const expr = or();
  if (at !== tokens.length) throw new ODataError(`Syntax error in $filter near '${tokens[at]!.text}'`);
  return expr;
}

export function fieldsIn(expr: Expr): string[] {
  if (expr.op === 'and' || expr.op === 'or') return [...fieldsIn(expr.left), ...fieldsIn(expr.right)];
  if (expr.op === 'not') return fieldsIn(expr.expr);
  return 'field' in expr ? [expr.field] : [];
}

/** Booleans are yes/no columns: SharePoint compares them as 1 and 0 as well as true and false. */
const normal = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);

function compare(a: unknown, b: unknown): number {
  const x = normal(a);
  const y = normal(b);
  if (x === y) return 0;
  if (x === undefined || x === null) return -1;
  if (y === undefined || y === null) return 1;
  return (x as number | string) < (y as number | string) ? -1 : 1;
}

export function matches(expr: Expr, fields: Record<string, unknown>): boolean {
  switch (expr.op) {
    case 'and':
      return matches(expr.left, fields) && matches(expr.right, fields);
    case 'or':
      return matches(expr.left, fields) || matches(expr.right, fields);
    case 'not':
      return !matches(expr.expr, fields);
    case 'startswith':
      return typeof fields[expr.field] === 'string' && (fields[expr.field] as string).startsWith(expr.value);
    default: {
      const c = compare(fields[expr.field], expr.value);
      return { eq: c === 0, ne: c !== 0, ge: c >= 0, le: c <= 0, gt: c > 0, lt: c < 0 }[expr.op];
    }
  }
}

export function parseOrderBy(source: string): { field: string; descending: boolean }[] {
  return source.split(',').map((part) => {
    const [name, dir] = part.trim().split(/\s+/);
    if (!name?.startsWith('fields/')) throw new ODataError(`Only fields/<column> can be ordered by, not '${name}'`);
    return { field: name.slice('fields/'.length), descending: dir?.toLowerCase() === 'desc' };
  });
}

export const compareValues = compare;
