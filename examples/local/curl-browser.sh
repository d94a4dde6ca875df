#!/bin/sh
# A scripted "browser" for the local demo and benchmark: follows the authorize URL through the
# Atlassian stand-in's consent redirect to bgagent's localhost callback.
exec curl -sS -L -o /dev/null "$1"
