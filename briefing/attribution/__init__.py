"""Attribution: who each sentence's content comes from (cues, sources, pronouns and descriptions resolved)."""
