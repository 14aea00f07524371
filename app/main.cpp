// Placeholder entry point; replaced by the application's real main().
int main()
{
    return 0;
}
