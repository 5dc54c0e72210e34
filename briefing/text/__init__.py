"""Text in: extract an Article from text, HTML or a URL (fetched safely), clean its debris, split it into sentences."""
