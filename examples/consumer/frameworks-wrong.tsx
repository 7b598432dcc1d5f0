// Deliberately wrong: the hub has no "overview" tab, so the checker must refuse this file.
import type {} from '@portico/elements/react';

export const wrong = <portico-access-hub tab="overview" />;
