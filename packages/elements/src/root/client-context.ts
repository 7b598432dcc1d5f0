import { createContext } from '@lit/context';
import type { PorticoClient } from '@portico/core';

/** The SDK client that `<portico-root>` provides to every Portico element inside it. */
export const porticoClientContext = createContext<PorticoClient | undefined>(Symbol('portico-client'));
