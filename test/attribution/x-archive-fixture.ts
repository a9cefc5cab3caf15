// Minimal X archives written by the tests themselves: a manifest naming the owner and one tweet.

export function xManifest(userName: string, displayName = userName): string {
  return `window.__THAR_CONFIG = ${JSON.stringify({ userInfo: { accountId: '1', userName, displayName } }, null, 2)}\n`;
}

export function xAccount(username: string): string {
  return `window.YTD.account.part0 = ${JSON.stringify([{ account: { username, accountId: '1' } }])}\n`;
}

export function xTweets(text: string, id = '1840000000000000001'): string {
  const tweet = {
    tweet: { id_str: id, full_text: text, created_at: 'Thu Oct 03 12:15:00 +0000 2024', entities: {} },
  };
  return `window.YTD.tweets.part0 = ${JSON.stringify([tweet], null, 2)}\n`;
}
