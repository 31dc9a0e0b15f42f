import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';

export function usePaySettings() {
  return useQuery({
    queryKey: ['pay-settings'],
    queryFn: async () => unwrap(await api.GET('/pay-settings')),
  });
}

export function usePayroll(periodStart: string) {
  return useQuery({
    queryKey: ['payroll', 'payroll', periodStart],
    queryFn: async () =>
      // JSON is the default shape; the CSV and XLSX shapes are files for the download links below.
      unwrap(
        await api.GET('/compensation/payroll', { params: { query: { periodStart, format: 'json' } } }),
      ) as Schemas['PayrollExportResponse'],
  });
}

export function useInvoices(periodStart: string) {
  return useQuery({
    queryKey: ['payroll', 'invoices', periodStart],
    queryFn: async () =>
      unwrap(
        await api.GET('/compensation/invoices', { params: { query: { periodStart, format: 'json' } } }),
      ) as Schemas['InvoiceExportResponse'],
  });
}

/** The export as a file: the API answers with a download (Content-Disposition) in the session's name. */
export function exportUrl(kind: 'payroll' | 'invoices', periodStart: string, format: 'xlsx' | 'csv'): string {
  return `/compensation/${kind}?${new URLSearchParams({ periodStart, format }).toString()}`;
}
