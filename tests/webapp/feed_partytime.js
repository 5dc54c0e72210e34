// Parse a podcast feed with podcast-partytime (the Podcast Index parser) and print what
// it found as JSON: the checks live in tests/webapp/test_web_feed.py. Usage: node feed_partytime.js FILE
const fs = require("fs");
const { parseFeed } = require("podcast-partytime");

const feed = parseFeed(fs.readFileSync(process.argv[2], "utf8"), { allowMissingGuid: false });
if (!feed) {
  process.stderr.write("podcast-partytime could not parse the feed\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify({
  guid: feed.guid,
  title: feed.title,
  explicit: feed.explicit,
  itunesImage: feed.itunesImage,
  pc20support: feed.pc20support,
  items: (feed.items || []).map((item) => ({
    guid: item.guid,
    enclosure: item.enclosure,
    duration: item.duration,
    transcripts: item.podcastTranscripts || [],
    chapters: item.podcastChapters || null,
  })),
}));
