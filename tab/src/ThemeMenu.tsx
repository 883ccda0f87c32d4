import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import type { ThemeName } from './host.ts';
import { THEMES, THEME_LABELS } from './theme.ts';

/** Outside Teams, people choose the theme themselves; inside, Teams decides, so this is loaded only here. */
export default function ThemeMenu({ theme, onTheme }: { theme: ThemeName; onTheme: (theme: ThemeName) => void }) {
  return (
    <Menu checkedValues={{ theme: [theme] }} onCheckedValueChange={(_, d) => onTheme(d.checkedItems[0] as ThemeName)}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle">Theme: {THEME_LABELS[theme]}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {(Object.keys(THEMES) as ThemeName[]).map((t) => (
            <MenuItemRadio key={t} name="theme" value={t}>
              {THEME_LABELS[t]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
