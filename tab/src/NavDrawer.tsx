import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/** The pages as a menu sliding in from the side: phones only, so wide screens never download it. */
export default function NavDrawer(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  className: string;
  children: ReactNode;
}) {
  return (
    <OverlayDrawer
      className={props.className}
      open={props.open}
      onOpenChange={(_, data) => props.onOpenChange(data.open)}
      position="start"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close the menu"
              icon={<DismissRegular />}
              onClick={() => props.onOpenChange(false)}
            />
          }
        >
          Pages
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>{props.children}</DrawerBody>
    </OverlayDrawer>
  );
}
