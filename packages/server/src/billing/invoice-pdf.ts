import { formatCents, formatPlainDate, type Invoice, type Plan } from '@portico/core';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/**
 * One invoice as a PDF (pdf-lib: a maintained, dependency-free PDF writer). Plain text only: the office's name
 * and the plan names come from our own database and are drawn as text, never interpreted.
 */
export async function renderInvoicePdf(options: {
  invoice: Invoice;
  officeName: string;
  plans: readonly Plan[];
  now: Date;
}): Promise<Uint8Array> {
  const { invoice, officeName, plans } = options;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Invoice ${invoice.number}`);
  pdf.setSubject(`Connectivity services, ${invoice.firstDay} to ${invoice.lastDay}`);
  pdf.setProducer('Portico');
  pdf.setCreationDate(options.now);
  pdf.setModificationDate(options.now);
  const page = pdf.addPage([612, 792]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  // The standard fonts draw WinAnsi text only; anything else is replaced rather than failing the download.
  const safe = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  let y = 730;
  const line = (text: string, size = 11, font = regular, x = 56) => {
    page.drawText(safe(text), { x, y, size, font, color: rgb(0.1, 0.1, 0.12) });
    y -= size + 9;
  };
  line(`Invoice ${invoice.number}`, 22, bold);
  y -= 6;
  line(officeName, 13, bold);
  line(`Issued ${formatPlainDate(invoice.issuedOn)}`);
  line(`Service period ${formatPlainDate(invoice.firstDay)} - ${formatPlainDate(invoice.lastDay)}`);
  line(`Status: ${invoice.status === 'PAID' ? 'Paid' : 'Open'}`);
  y -= 12;
  line('Plans', 12, bold);
  for (const code of invoice.planCodes) {
    const plan = plans.find((candidate) => candidate.code === code);
    line(plan ? plan.name : code, 11, regular, 72);
  }
  y -= 12;
  line(`Monthly rate: ${formatCents(invoice.monthlyRateCents)}`);
  line(`Amount due for the period: ${formatCents(invoice.amountCents)}`, 14, bold);
  y -= 12;
  line(
    'Billed monthly in arrears; days of a partial month are prorated (amount rounded half up to the cent).',
    9,
  );
  return pdf.save();
}
