// Only the root and the storefront: a page that embeds one widget loads only that widget and what it needs.
import '@portico/elements/root';
import '@portico/elements/storefront';

const params = new URLSearchParams(location.search);
const root = document.getElementById('root');
root?.setAttribute('url', params.get('server') ?? '');
root?.setAttribute('token', params.get('token') ?? '');
