/**
 * How deeply a JSON body may nest. Activities and card data go five or six levels deep; far
 * deeper is an attack on whatever walks the body recursively (validators, the bot SDK, loggers),
 * so it is refused as a client error before anything else reads it.
 */
export const MAX_BODY_DEPTH = 64;

/** The body's nesting depth, counted without recursion and without going past `limit + 1`. */
export function nestingDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
