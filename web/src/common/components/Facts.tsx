import type { ReactNode } from 'react';
import './facts.css';

/** Facts about one record as a description list: a term and its value, side by side, stacked at 320 px. */
export function Facts({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="facts">
      {items.map((item) => (
        <div key={item.term} className="facts__item">
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
