import { makeStyles } from '@fluentui/react-components';
import { NARROW_QUERY } from './useNarrow.ts';

/** On a phone every control is a finger's width tall (WCAG 2.5.5's 44 px), and nothing is wider than the screen. */
export const useTouchStyles = makeStyles({
  touch: {
    [`@media ${NARROW_QUERY}`]: {
      '& button, & [role="tab"], & [role="menuitemradio"], & [role="option"], & input:not([type="checkbox"]):not([type="radio"]), & select':
        {
          minHeight: '44px',
        },
      // A native select is as wide as its longest option; on a phone it gives way to the screen.
      '& .fui-Field, & .fui-Select': { maxWidth: '100%', minWidth: 0 },
      '& select': { maxWidth: '100%', width: '100%', textOverflow: 'ellipsis' },
    },
  },
});
