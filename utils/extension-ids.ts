/**
 * Fixed extension identities, so the companion's Origin allowlist can name them before any pairing.
 * The Chrome id follows from the manifest `key` (a public key; the private half is not needed for unpacked loads).
 */
export const CHROME_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr8u1fL1nJT+qAsUZ9NqVid+tHohbF+iv5XaU5BjUDbQsk29Nzk0oteBhg4XiAD+/EYSTNNx0I4Q3/jhZQDiRG88yX3JisWku+ic8hD1KkZAM0cZoqxUE6dLGFhg8Dfy+PuGQflmRnXQjsTj39LtuQoj7US4mZ+cTwpwlppea+w8Hiky7UAW6oZR54fUbWYz6+F5pxyPkWpywqfJ5Mi1d/NPw9U2PRrZz1ggpsCRQNzJNmJDtFrGrk5DENT6iIAKTNhRCzOAJzP0l2+EwRFX44ywHGJXYXZmOASwdEvmfMQmmUrzQlJqvGnmwlZdX+x4P1kIVHhkAGd6UwVA4UABtTwIDAQAB';
export const CHROME_EXTENSION_ID = 'ldklnbbmjpfgbcbapiehpnnafaldodbj';
export const GECKO_ID = 'refclip@refclip.dev';
