"""One module per part of the LKjIP (PermenPAN-RB 53/2014 outline), each writing via Writer."""
