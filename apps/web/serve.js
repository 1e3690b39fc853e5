// Starts the built storefront (adapter-node) with this product's defaults. A merchant's member
// CSV (up to 5,000 rows, Japanese names) goes through a form post, and so again on
// confirmation; adapter-node's own body limit of 512 KB would refuse such a file, so the
// storefront accepts up to 4 MB unless BODY_SIZE_LIMIT says otherwise. The API refuses GraphQL
// requests over 2 MB on its own.
process.env.BODY_SIZE_LIMIT ??= '4M';

await import('./build/index.js');
