// The jixiao program: argument parsing and output only.
#include <iostream>

int main(int argc, char** argv) {
  std::cerr << "usage: jixiao extract INPUT [-o OUT.json]\n";
  return 64;
}
