"""Plain language: the rewriter's rules by family, the LLM rewriter, and the faithfulness check that guards both."""
