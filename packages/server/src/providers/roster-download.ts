import { ROSTER_DOWNLOAD_COLUMNS, type Provider, providersFiles } from '@portico/core';
import { serveDownload } from '../trpc/file-kernel.ts';
import { providerPages } from './store.ts';

/** One roster row as the download writes it: the upload's columns (SSNs masked), then the Medicare facts. */
function rosterRow(provider: Provider): string[] {
  return [
    provider.npi,
    provider.firstName ?? '',
    provider.lastName ?? '',
    provider.organizationName ?? '',
    provider.tin.display,
    provider.specialty ?? '',
    provider.medicare.enrolled ? 'Y' : 'N',
    [...new Set(provider.medicare.enrollments.map((e) => e.providerTypeDescription))].join('; '),
    [...new Set(provider.medicare.enrollments.map((e) => e.state))].join('; '),
  ];
}

/** The office's provider roster as CSV, in NPI order, a page at a time. */
export const providerRosterDownload = serveDownload(providersFiles.providerRoster, (_input, { read }) => ({
  fileName: 'provider-roster.csv',
  header: ROSTER_DOWNLOAD_COLUMNS,
  pages: (async function* () {
    for await (const page of providerPages(read)) yield page.map(rosterRow);
  })(),
}));
