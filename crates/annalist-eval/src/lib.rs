//! Gold sets -> precision, recall, F1 at event, triple and full level
