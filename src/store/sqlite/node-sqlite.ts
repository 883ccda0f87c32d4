import type * as NodeSqlite from 'node:sqlite';

/**
 * node:sqlite, loaded through process.getBuiltinModule: Jest's module resolver does not know
 * prefix-only builtins, and this way the app and the tests load it identically.
 */
export const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as typeof NodeSqlite;
export type DatabaseSync = NodeSqlite.DatabaseSync;
export type SQLInputValue = NodeSqlite.SQLInputValue;
