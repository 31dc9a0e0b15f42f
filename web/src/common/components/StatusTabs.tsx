import { Tabs } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * A list's status as tabs (Introduksjonsmøter, Timelister, Oppdrag) over one panel. The panel is keyed by the tab,
 * so its content, its query state and any focus inside start afresh when the tab changes.
 */
export function StatusTabs<T extends string>(props: {
  tabs: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (tab: T) => string;
  children: ReactNode;
}) {
  return (
    <Tabs value={props.value} onChange={(value) => props.onChange(value as T)}>
      <Tabs.List>
        {props.tabs.map((tab) => (
          <Tabs.Tab key={tab} value={tab}>
            {props.label(tab)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel key={props.value} value={props.value}>
        {props.children}
      </Tabs.Panel>
    </Tabs>
  );
}
