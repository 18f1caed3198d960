internal import CLPSolve
