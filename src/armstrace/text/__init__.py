"""Reading text: folding and alignment of quotes, numbers and dates as articles write them."""
