import { formatCents, formatPlainDate, type RemittanceDetail } from '@portico/core';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

const PAGE: [number, number] = [612, 792];
const MARGIN = 48;

/**
 * One remittance as its explanation of payment (pdf-lib, as invoices are): the payment, then each claim with its
 * lines, adjustments beside their labels and remark codes, then the provider-level adjustments, over as many
 * pages as it takes. Everything is drawn as plain text.
 */
export async function renderEopPdf(options: {
  remittance: RemittanceDetail;
  officeName: string;
  now: Date;
}): Promise<Uint8Array> {
  const { remittance: eop, officeName } = options;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Explanation of payment ${eop.traceNumber}`);
  pdf.setSubject(`${eop.payer.name} to ${eop.payee.name}, ${eop.paymentDate}`);
  pdf.setProducer('Portico');
  pdf.setCreationDate(options.now);
  pdf.setModificationDate(options.now);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  // The standard fonts draw WinAnsi text only; anything else is replaced rather than failing the download.
  const safe = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const room = (height: number) => {
    if (y - height >= MARGIN) return;
    page = pdf.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const line = (text: string, size = 10, font: PDFFont = regular, x = MARGIN) => {
    room(size + 6);
    const maxWidth = PAGE[0] - MARGIN - x;
    // A line too long for the page is cut with an ellipsis (the whole text stays in the portal's detail view).
    let shown = safe(text);
    while (shown.length > 4 && font.widthOfTextAtSize(shown, size) > maxWidth)
      shown = `${shown.slice(0, -4)}...`;
    page.drawText(shown, { x, y, size, font, color: rgb(0.1, 0.1, 0.12) });
    y -= size + 6;
  };
  const adjustments = (items: RemittanceDetail['claims'][number]['adjustments'], x: number) => {
    for (const item of items)
      line(
        `${item.group.code}-${item.reason.code} ${formatCents(item.amountCents)}: ${item.group.label}; ${item.reason.label}`,
        8,
        regular,
        x,
      );
  };
  const remarks = (items: RemittanceDetail['claims'][number]['remarks'], x: number) => {
    for (const item of items) line(`Remark ${item.code}: ${item.label}`, 8, regular, x);
  };

  line('Explanation of payment', 20, bold);
  y -= 4;
  line(officeName, 12, bold);
  line(`Payer: ${eop.payer.name} (${eop.payer.id})`);
  line(`Payee: ${eop.payee.name}, NPI ${eop.payee.npi}`);
  line(`${eop.method.label} ${eop.traceNumber}, ${formatPlainDate(eop.paymentDate)}`);
  line(`Amount paid: ${formatCents(eop.paymentCents)}`, 13, bold);
  line(`${eop.claimCount} claim${eop.claimCount === 1 ? '' : 's'}`);
  for (const claim of eop.claims) {
    y -= 8;
    line(
      `${claim.patient.lastName}, ${claim.patient.firstName} (member ${claim.patient.memberId}), account ${claim.patientAccountNumber}`,
      11,
      bold,
    );
    line(`Payer claim ${claim.payerClaimNumber}: ${claim.status.label}`);
    if (claim.serviceFrom)
      line(
        `Service ${formatPlainDate(claim.serviceFrom)}${claim.serviceTo && claim.serviceTo !== claim.serviceFrom ? ` - ${formatPlainDate(claim.serviceTo)}` : ''}`,
      );
    line(
      `Billed ${formatCents(claim.chargedCents)}, paid ${formatCents(claim.paidCents)}${claim.patientResponsibilityCents === null ? '' : `, patient responsibility ${formatCents(claim.patientResponsibilityCents)}`}`,
    );
    adjustments(claim.adjustments, MARGIN + 12);
    remarks(claim.remarks, MARGIN + 12);
    for (const serviceLine of claim.lines) {
      const code = [serviceLine.procedureCode, ...serviceLine.modifiers].join('-');
      line(
        `${code}${serviceLine.serviceDate ? ` on ${formatPlainDate(serviceLine.serviceDate)}` : ''}: billed ${formatCents(serviceLine.chargedCents)}${serviceLine.allowedCents === null ? '' : `, allowed ${formatCents(serviceLine.allowedCents)}`}, paid ${formatCents(serviceLine.paidCents)}`,
        9,
        regular,
        MARGIN + 12,
      );
      adjustments(serviceLine.adjustments, MARGIN + 24);
      remarks(serviceLine.remarks, MARGIN + 24);
    }
  }
  if (eop.providerAdjustments.length > 0) {
    y -= 8;
    line('Provider adjustments', 11, bold);
    for (const item of eop.providerAdjustments)
      line(
        `${item.reason.code} ${item.reference ?? ''} ${formatCents(item.amountCents)}: ${item.reason.label}`,
        9,
        regular,
        MARGIN + 12,
      );
  }
  y -= 8;
  line(
    'Amounts are in US dollars; a provider adjustment is taken from the payment. Questions: ' +
      `${eop.payerContact.name}${eop.payerContact.phone ? `, ${eop.payerContact.phone}` : ''}.`,
    8,
  );
  return pdf.save();
}
