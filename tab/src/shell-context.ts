import { createContext, useContext } from 'react';
import type { Me } from './api.ts';

export const ShellContext = createContext<{ me: Me } | undefined>(undefined);

export function useShell(): { me: Me } {
  const value = useContext(ShellContext);
  if (!value) throw new Error('useShell must be used inside the signed-in shell');
  return value;
}
