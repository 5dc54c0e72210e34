"""Audio: the script (the exact words spoken), speech normalisation, voices, rendering and export."""
