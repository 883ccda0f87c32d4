import { createContext, useContext } from 'react';
import { wordsFor } from '../../src/domain/strings.ts';
import type { Me } from './api.ts';

export const ShellContext = createContext<{ me: Me } | undefined>(undefined);

export function useShell(): { me: Me; t: ReturnType<typeof wordsFor> } {
  const value = useContext(ShellContext);
  if (!value) throw new Error('useShell must be used inside the signed-in shell');
  return { ...value, t: wordsFor(value.me.language) };
}
