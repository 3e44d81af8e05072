"""Pure domain core: task catalogue, parser, eligibility, ranking and batch optimiser."""
