import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

/** A small labelled table: one header row of column titles (null for an untitled column); the caller gives the rows. */
export function SimpleTable({
  label,
  columns,
  stickyHeader,
  children,
}: {
  label: string;
  columns: readonly ReactNode[];
  stickyHeader?: boolean;
  children: ReactNode;
}) {
  return (
    <Table size="small" stickyHeader={stickyHeader} aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map((title, i) => (
            <TableCell key={i}>{title}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
}
