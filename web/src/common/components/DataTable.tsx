import { Paragraph, Table } from '@digdir/designsystemet-react';
import { type ReactNode, useId } from 'react';

/**
 * A list as a table: a caption that names it, one header row, and a wrapper that scrolls sideways inside itself
 * at 320 px rather than widening the page. The rows are the caller's.
 *
 * The caption stands above the scrolling wrapper and names the table by aria-labelledby: a <caption> is as wide
 * as its table, so on a phone it ran off the screen with the columns instead of wrapping.
 */
export function DataTable({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: string[];
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="data-table">
      <Paragraph id={captionId} className="data-table__caption">
        {caption}
      </Paragraph>
      {/* Focusable, so a keyboard can scroll the columns that do not fit (WCAG 2.1.1). */}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra aria-labelledby={captionId}>
          <Table.Head>
            <Table.Row>
              {headers.map((header) => (
                <Table.HeaderCell key={header}>{header}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>{children}</Table.Body>
        </Table>
      </div>
    </div>
  );
}
