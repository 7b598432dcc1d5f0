import { initTRPC } from '@trpc/server';
import type { RequestContext } from './context.ts';
import { porticoErrorOf } from './error-shape.ts';

/**
 * The one tRPC instance. `isDev: false` keeps stacks out of responses; the formatter gives every error the
 * PorticoError shape under `data.portico`.
 */
export const t = initTRPC.context<RequestContext>().create({
  isDev: false,
  errorFormatter({ shape, error, ctx, path }) {
    const portico = porticoErrorOf(error, path, ctx?.requestId ?? null);
    return {
      code: shape.code,
      message: portico.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: path ?? null,
        portico: portico.toShape(),
      },
    };
  },
});
