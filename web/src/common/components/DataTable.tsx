import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * A list as a table: a caption that names it for screen readers, one header row, and a wrapper that scrolls
 * sideways inside itself at 320 px rather than widening the page. The rows are the caller's.
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
  return (
    <div className="table-scroll">
      <Table zebra>
        <caption>{caption}</caption>
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
  );
}
